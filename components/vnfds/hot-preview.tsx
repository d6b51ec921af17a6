'use client';
// The live Heat preview: main template, each nested template, the monitoring policy and a graph.
import { useState } from 'react';
import { HotGraph } from './hot-graph';
import type { Translation } from './live-translation';
import { Tabs } from './tabs';
import styles from './vnfds.module.css';

export function HotPreview({ translation }: { translation: Translation }) {
  const [tab, setTab] = useState('hot');
  const tabs = [
    { id: 'hot', label: 'HOT' },
    ...translation.files.map((f) => ({ id: `file:${f.name}`, label: f.name })),
    { id: 'monitoring', label: 'Monitoring policy' },
    { id: 'graph', label: 'Graph' },
  ];
  const active = tabs.some((t) => t.id === tab) ? tab : 'hot';
  const file = translation.files.find((f) => `file:${f.name}` === active);
  return (
    <section aria-label="Heat preview" data-testid="hot-preview" data-seq={translation.seq}>
      {translation.stale && (
        <div className="alert alert-info" role="status">
          The template has errors; showing the last valid translation.
        </div>
      )}
      <Tabs tabs={tabs} active={active} onChange={setTab} label="Heat preview">
        {active === 'hot' && <pre className={styles.hotYaml} data-testid="hot-main">{translation.hotYaml || '# nothing to show yet'}</pre>}
        {file && <pre className={styles.hotYaml} data-testid={`hot-file-${file.name}`}>{file.yaml}</pre>}
        {active === 'monitoring' && (
          <pre className={styles.hotYaml} data-testid="hot-monitoring">{translation.monitoringPolicy ? JSON.stringify(translation.monitoringPolicy, null, 2) : '# no monitoring policy in this VNFD'}</pre>
        )}
        {active === 'graph' && (
          <div style={{ overflowX: 'auto' }}>
            <HotGraph hot={translation.hot} title="Resources of the main template" />
            {translation.files.map((f) => (
              <div key={f.name}>
                <h4>{f.name} (one per scaling group member)</h4>
                <HotGraph hot={f.hot} title={`Resources of ${f.name}`} />
              </div>
            ))}
          </div>
        )}
      </Tabs>
    </section>
  );
}
