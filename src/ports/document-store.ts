/** Files in the plan site's document library. */
export interface StoredDocument {
  readonly id: string;
  readonly name: string;
  readonly webUrl: string;
  readonly eTag: string;
  readonly size: number;
}

export interface DocumentStore {
  /** Uploads to a folder path in the library, replacing a file of the same name as a new version. */
  put(
    path: string,
    bytes: Uint8Array,
    contentType: string,
    metadata?: Readonly<Record<string, string | number>>,
  ): Promise<StoredDocument>;
  /**
   * The document converted to PDF by SharePoint (Graph `?format=pdf`), or null where conversion is not
   * available (the local emulator, or a file type Graph cannot convert).
   */
  pdfOf(id: string): Promise<Uint8Array | null>;
  /** The document at a path in the library, or null. */
  find(path: string): Promise<StoredDocument | null>;
  get(id: string): Promise<{ readonly bytes: Uint8Array; readonly contentType: string } | null>;
}
