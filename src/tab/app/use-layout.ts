/** The tab's layout now: from the host's form factor and the width it has, following resizes. */
import { useEffect, useState } from 'react';
import { layoutFor, type Layout } from '../host/layout.js';

const widthNow = (): number => document.documentElement.clientWidth || window.innerWidth;

export function useLayout(clientType: string | null): Layout {
  const [width, setWidth] = useState(widthNow);
  useEffect(() => {
    const changed = () => setWidth(widthNow());
    window.addEventListener('resize', changed);
    return () => window.removeEventListener('resize', changed);
  }, []);
  return layoutFor(clientType, width);
}
