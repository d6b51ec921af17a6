// Database rows -> the Tacker API shape of a VNFD.
import type { TemplateSource } from './attributes';

export interface VnfdRow {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  serviceTypes: string;
  templateSource: string;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface VnfdView {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  service_types: { service_type: string; id?: string }[];
  /** `vnfd` is YAML text: python-tackerclient does yaml.load() on it. */
  attributes: { vnfd: string };
  template_source: TemplateSource;
  created_at: string;
  updated_at: string | null;
  [key: string]: unknown;
}

import { tackerTime } from '../api/time';

export function vnfdView(row: VnfdRow, template: string): VnfdView {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    description: row.description,
    service_types: JSON.parse(row.serviceTypes),
    attributes: { vnfd: template },
    template_source: row.templateSource as TemplateSource,
    created_at: tackerTime(row.createdAt),
    // Tacker leaves updated_at null until the first update.
    updated_at: row.updatedAt.getTime() > row.createdAt.getTime() ? tackerTime(row.updatedAt) : null,
  };
}
