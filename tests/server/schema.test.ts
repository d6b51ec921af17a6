// The PostgreSQL schema is derived from the one source schema, never edited by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPostgresSchema } from '@/scripts/db-render';

const root = path.resolve(__dirname, '../..');

describe('schema sources', () => {
  it('prisma/postgres/schema.prisma is the rendering of prisma/schema.prisma (run scripts/db-render.ts)', () => {
    const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
    const rendered = fs.readFileSync(path.join(root, 'prisma/postgres/schema.prisma'), 'utf8');
    expect(rendered).toBe(renderPostgresSchema(source));
    expect(rendered).toContain('provider = "postgresql"');
  });

  it('both providers have the same migrations', () => {
    const names = (dir: string) => fs.readdirSync(path.join(root, dir)).filter((d) => /^\d{4}_/.test(d)).sort();
    expect(names('prisma/postgres/migrations')).toEqual(names('prisma/migrations'));
  });
});
