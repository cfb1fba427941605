/** Driving the section editor from a test: pastes as the browser delivers them, and the saved text. */
import type { Page } from 'playwright-core';
import { plainText, type RichText } from '../../src/domain/sections/rich-text.js';
import type { SectionDto } from '../../src/shared/api.js';
import type { TabServer } from './tab-server.js';

/** Dispatches a real paste event (with a DataTransfer) at the end of the editor's text. */
export async function pasteInto(page: Page, html: string, text = ''): Promise<void> {
  await page.evaluate(`(() => {
    const target = document.querySelector('[data-testid="section-editor"]');
    target.focus();
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    data.setData('text/plain', ${JSON.stringify(text)});
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** Puts the caret at the end of the editor and types, as a person would. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('section-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

export async function savedSection(
  tab: TabServer,
  personId: string,
  planId: string,
  key: string,
): Promise<SectionDto> {
  const answer = await tab.as(personId)<SectionDto>('GET', `/api/plans/${planId}/sections/${key}`);
  if (answer.status !== 200) throw new Error(`GET section answered ${answer.status}`);
  return answer.body;
}

export const textOf = (content: RichText): string => plainText(content);

/** A paste from Word (Windows, Word 365), trimmed to the parts that matter, with its usual noise. */
export const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h2><span lang=EN-GB>Our data strategy<o:p></o:p></span></h2>
<p class=MsoNormal><span lang=EN-GB>We will bring our systems onto a <b>single data platform</b> by <i>March 2025</i>; see <a href="https://www.gov.uk/government/publications/productivity-plans">the government guidance</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-GB style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>Open data by default<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-GB style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=EN-GB>A shared analytics team<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span lang=EN-GB>System<o:p></o:p></span></b></p></td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b><span lang=EN-GB>Annual cost<o:p></o:p></span></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=301 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-GB>Revenues and benefits<o:p></o:p></span></p></td>
  <td width=301 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-GB>£1.2m<o:p></o:p></span></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=301 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-GB>Social care case management<o:p></o:p></span></p></td>
  <td width=301 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-GB>£0.8m<o:p></o:p></span></p></td>
 </tr>
</table>
<p class=MsoNormal><span lang=EN-GB><img width=120 height=60 src="file:///C:/Users/officer/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"><o:p></o:p></span></p>
<!--EndFragment-->
</body></html>`;
