import { isDirty, type EditorTab } from './editor-tabs.ts';
import { baseName } from './vim-messages.ts';

/** The open files as tabs: a dot for unsaved changes, × to close. */
export function EditorTabStrip({
  tabs,
  active,
  onActivate,
  onClose,
}: {
  tabs: EditorTab[];
  active: EditorTab;
  onActivate: (path: string) => void;
  onClose: (tab: EditorTab) => void;
}) {
  return (
    <div className="editor-tabs" role="tablist">
      {tabs.map((tab) => (
        <div
          key={tab.path}
          role="tab"
          aria-selected={tab === active}
          className={tab === active ? 'editor-tab active' : 'editor-tab'}
          data-testid="editor-tab"
          data-path={tab.path}
          title={tab.path}
          onClick={() => onActivate(tab.path)}
        >
          {baseName(tab.path)}
          {isDirty(tab) && (
            <span className="editor-dirty" data-testid="editor-dirty" title="unsaved changes">
              ●
            </span>
          )}
          <button
            className="editor-tab-close"
            data-testid="editor-tab-close"
            aria-label={`close ${tab.path}`}
            onClick={(e) => {
              e.stopPropagation();
              onClose(tab);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
