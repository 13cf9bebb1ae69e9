import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The login action is the one admin action open to visitors (rate limited, see docs/admin.md).
const PUBLIC_ACTIONS = new Set(['app/admin/login/actions.ts:loginAction']);

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

// Admin actions live beside the admin pages; the site's own actions (what-if, themes) are public by design.
const serverActionFiles = filesUnder('app/admin').filter((f) => /\.tsx?$/.test(f) && /^['"]use server['"]/m.test(readFileSync(path.join(ROOT, f), 'utf8')));

describe('admin guards', () => {
  it('finds the server action modules (so the checks below look at something)', () => {
    expect(serverActionFiles).toContain('app/admin/(console)/actions.ts');
  });

  it.each(serverActionFiles)('every action exported by %s asks for the admin session before anything else', async (file) => {
    const actions = Object.entries(await import(/* @vite-ignore */ path.join(ROOT, file))).filter(([name]) => !PUBLIC_ACTIONS.has(`${file}:${name}`));
    for (const [name, action] of actions) {
      const form = new FormData();
      for (const [key, value] of Object.entries({ option: 'audit', modelId: '1', kind: 'forecast' })) form.set(key, value);
      // Outside a request, the session check (cookies()) is the first thing that can throw: an action
      // that validated, queued or wrote first would fail differently or return.
      await expect((action as (prev: null, form: FormData) => Promise<unknown>)(null, form), `${file}:${name}`).rejects.toThrow(/cookies/);
    }
  });

  it('every console page and layout, and every admin route handler, calls requireAdmin() itself', () => {
    const guarded = filesUnder('app/admin').filter((f) => /(^|\/)(page|layout|route)\.tsx?$/.test(f) && !f.startsWith('app/admin/login/'));
    expect(guarded.length).toBeGreaterThanOrEqual(2);
    for (const file of guarded) expect(readFileSync(path.join(ROOT, file), 'utf8'), file).toMatch(/await requireAdmin\(\)/);
  });
});
