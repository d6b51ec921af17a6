// Catalog of starting templates for the VNFD editor: a curated handful of Tacker's sample VNFDs
// (Apache-2.0), served as static files from public/samples/vnfd/. Pure: used by the browser.

export interface VnfdSample {
  /** File name under /samples/vnfd/. */
  file: string;
  title: string;
  summary: string;
}

export const SAMPLES_BASE_URL = '/samples/vnfd/';

export const VNFD_SAMPLES: readonly VnfdSample[] = [
  { file: 'tosca-vnfd-hello-world.yaml', title: 'Hello world', summary: 'One VDU with three connection points on three networks.' },
  { file: 'tosca-vnfd-multi-vdu.yaml', title: 'Multiple VDUs', summary: 'Three VDUs, each with its own ports.' },
  { file: 'tosca-vnfd-scale.yaml', title: 'Scaling policy', summary: 'Two VDUs in a scaling group (nested SP1_res.yaml) with scale-out/in policies.' },
  { file: 'tosca-vnfd-alarm-scale.yaml', title: 'Alarm-driven scaling', summary: 'Aodh CPU alarms that trigger the scaling policy.' },
  { file: 'tosca-vnfd-monitor.yaml', title: 'Ping monitoring', summary: 'A VDU monitored by ping, respawned on failure (monitoring policy).' },
  { file: 'tosca-vnfd-with-params.yaml', title: 'Input parameters', summary: 'Image, flavor and networks taken from inputs (param_values at launch).' },
];

export function sampleUrl(sample: VnfdSample): string {
  return `${SAMPLES_BASE_URL}${sample.file}`;
}
