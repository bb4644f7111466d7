import { readdir, readFile } from 'node:fs/promises';

const examples = new URL('../examples/', import.meta.url);

test('every README code block is an example file, and every example is in the README once', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const files = (await readdir(examples)).filter((f) => f.endsWith('.ts')).sort();
  const contents = await Promise.all(files.map((f) => readFile(new URL(f, examples), 'utf8')));
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const block of blocks) expect(contents, 'README block without an example file').toContain(block);
  for (const [i, content] of contents.entries()) {
    expect(
      blocks.filter((b) => b === content),
      files[i],
    ).toHaveLength(1);
  }
});
