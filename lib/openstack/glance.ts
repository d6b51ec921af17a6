// Glance v2 (image): list (following `next` pages) and show. The catalog URL has no
// version, so "/v2" is appended unless already present.
import { z } from 'zod';
import { OpenStackError } from './errors';
import { joinUrl } from './http';
import type { Session } from './keystone';
import { parseBody } from './parse';

const SERVICE = 'glance';
const MAX_PAGES = 50; // bounded paging loop

export const imageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  status: z.string(),
  visibility: z.string().optional(),
  disk_format: z.string().nullish(),
  container_format: z.string().nullish(),
  size: z.number().nullish(),
  min_disk: z.number().optional(),
  min_ram: z.number().optional(),
  owner: z.string().nullish(),
  checksum: z.string().nullish(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type Image = z.infer<typeof imageSchema>;

const pageSchema = z.object({ images: z.array(imageSchema), next: z.string().optional() });

export class GlanceClient {
  constructor(private readonly session: Session) {}

  private async base(): Promise<string> {
    const url = await this.session.endpoint('image');
    return /\/v2(\.\d+)?$/.test(url) ? url : joinUrl(url, 'v2');
  }

  async images(filters: { name?: string; status?: string; visibility?: string; limit?: number } = {}): Promise<Image[]> {
    const base = await this.base();
    const root = base.replace(/\/v2(\.\d+)?$/, '');
    const all: Image[] = [];
    let path = 'images';
    let query: Record<string, string | number | undefined> | undefined = { ...filters };
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.session.request(SERVICE, { method: 'GET', path, query }, base);
      const body = parseBody(pageSchema, res, SERVICE, 'image list');
      all.push(...body.images);
      if (!body.next || filters.limit !== undefined) return all;
      path = joinUrl(root, body.next); // "next" is "/v2/images?marker=..."
      query = undefined;
    }
    return all;
  }

  async image(id: string): Promise<Image> {
    const res = await this.session.request(SERVICE, { method: 'GET', path: `images/${encodeURIComponent(id)}` }, await this.base());
    return parseBody(imageSchema, res, SERVICE, 'image show');
  }

  async findImage(id: string): Promise<Image | null> {
    try {
      return await this.image(id);
    } catch (e) {
      if (e instanceof OpenStackError && e.kind === 'notFound') return null;
      throw e;
    }
  }
}
