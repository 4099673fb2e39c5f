import { useEffect, useState } from 'react';
import type { Preview } from '../../labs/schema.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { AppPreview } from '../app-preview/app-preview.tsx';
import { EditorPane } from '../editor/editor-pane.tsx';
import { RolloutView } from '../rollout-view/rollout-view.tsx';
import type { DockPane } from './saved-layout.ts';

const TITLES: Record<DockPane, string> = { editor: 'Editor', preview: 'App preview', rollout: 'Rollout' };

/**
 * The panes beside or below the terminal, one at a time behind tabs: the editor, the app preview
 * (labs that name one) and the rollout view (once a Deployment exists). Every pane stays mounted
 * while hidden: the editor must hear `vi` open a file, the rollout view keeps its history.
 */
export function WorkDock({
  client,
  previews,
  open,
  pane,
  onShow,
  onHide,
}: {
  client: WorkerClient;
  previews: Preview[];
  open: boolean;
  pane: DockPane;
  onShow: (pane: DockPane) => void;
  onHide: () => void;
}) {
  const [hasDeployments, setHasDeployments] = useState(false);
  useEffect(
    () =>
      client.subscribe((m) => {
        if (m.type === 'workloads.snapshot') setHasDeployments(m.snapshot.deployments.length > 0);
        if (m.type === 'session.ready' || m.type === 'session.restarted') setHasDeployments(false);
        // `vi`, `kubectl edit`: the file comes forward wherever the dock was.
        if (m.type === 'editor.open') onShow('editor');
      }),
    [client, onShow],
  );
  const available: DockPane[] = ['editor', ...(previews.length > 0 ? (['preview'] as const) : []), ...(hasDeployments ? (['rollout'] as const) : [])];
  const shown = available.includes(pane) ? pane : 'editor';
  return (
    <div className={open ? 'work-dock open' : 'work-dock'} data-testid="work-dock">
      <div className="work-dock-tabs" role="tablist" aria-label="panes beside the terminal">
        {available.map((p) => (
          <button
            key={p}
            role="tab"
            id={`dock-tab-${p}`}
            aria-selected={open && p === shown}
            aria-controls={`dock-pane-${p}`}
            data-testid={`dock-tab-${p}`}
            onClick={() => (open && p === shown ? onHide() : onShow(p))}
          >
            {TITLES[p]}
          </button>
        ))}
        {open && (
          <button className="work-dock-hide" aria-label="Hide the panes" title="Hide the panes" data-testid="dock-hide" onClick={onHide}>
            ×
          </button>
        )}
      </div>
      <div className="work-dock-pane" role="tabpanel" id="dock-pane-editor" aria-labelledby="dock-tab-editor" hidden={!open || shown !== 'editor'}>
        <EditorPane client={client} />
      </div>
      {previews.length > 0 && (
        <div className="work-dock-pane" role="tabpanel" id="dock-pane-preview" aria-labelledby="dock-tab-preview" hidden={!open || shown !== 'preview'}>
          <AppPreview key={previews.map((p) => p.address).join(' ')} client={client} previews={previews} />
        </div>
      )}
      <div className="work-dock-pane" role="tabpanel" id="dock-pane-rollout" aria-labelledby="dock-tab-rollout" hidden={!open || shown !== 'rollout'}>
        <RolloutView client={client} />
      </div>
    </div>
  );
}
