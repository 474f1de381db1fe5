// The desktop app gets its CSP only from index.html's meta tag; it must be exactly the policy the server sends.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../db/api/content-security-policy';
import indexHtml from './index.html?raw';

describe('renderer/index.html', () => {
  it('carries the exact content security policy of db/api/content-security-policy.ts', () => {
    const metas = [...indexHtml.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[1]).toBe(contentSecurityPolicy);
  });

  it('loads nothing from another origin', () => {
    expect(indexHtml).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
