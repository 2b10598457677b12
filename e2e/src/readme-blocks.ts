/**
 * The code blocks of one README section that name a file in their info string
 * (```js test/list-keys.test.cjs), so a test can write them into a project and run them as
 * written: the docs cannot rot.
 */
export interface NamedBlock {
  lang: string;
  file: string;
  code: string;
}

/** The text from `## <heading>` to the next `## `. */
export function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`README has no "## ${heading}" section`);
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf('\n## ', 3);
  return end === -1 ? rest : rest.slice(0, end);
}

export function namedBlocks(text: string): NamedBlock[] {
  const blocks: NamedBlock[] = [];
  const fence = /^```(\w+) +(\S+)\n([\s\S]*?)^```$/gm;
  for (const m of text.matchAll(fence))
    blocks.push({ lang: m[1] ?? '', file: m[2] ?? '', code: m[3] ?? '' });
  return blocks;
}

/** Every `sh` block's non-comment lines. */
export function shellLines(text: string): string[] {
  const lines: string[] = [];
  for (const m of text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    for (const line of (m[1] ?? '').split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command !== '') lines.push(command);
    }
  }
  return lines;
}
