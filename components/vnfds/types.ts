// Shapes the VNFD pages read from the API.
export interface VnfdView {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  service_types: { service_type: string; id?: string }[];
  attributes: { vnfd: string };
  template_source: 'onboarded' | 'inline';
  created_at: string;
  updated_at: string | null;
}

export interface CatalogRow extends Omit<VnfdView, 'attributes'> {
  current_version: number;
  version_count: number;
  vnf_count: number;
}

export interface VersionRow {
  version: number;
  author: string;
  created_at: string;
  current: boolean;
}

export interface VnfUsingRow {
  id: string;
  name: string;
  status: string;
  vnfd_version: number;
  created_at: string;
}

/** Tacker timestamps are UTC without a zone. */
export function formatTime(tackerTime: string | null): string {
  if (!tackerTime) return '';
  return new Date(`${tackerTime.replace(' ', 'T')}Z`).toLocaleString();
}
