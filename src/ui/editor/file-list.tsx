/** The files in the learner's home, opened in a tab with one click. */
export function FileList({ home, files, active, onOpen }: { home: string; files: string[]; active: string | undefined; onOpen: (path: string) => void }) {
  return (
    <div className="editor-files" data-testid="editor-files">
      <div className="editor-files-title" title={home}>
        Files in ~
      </div>
      {files.length === 0 && <div className="editor-files-empty">No files yet. Create one with vi NAME or kubectl … -o yaml &gt; NAME.yaml</div>}
      {files.map((path) => (
        <button key={path} className={path === active ? 'editor-file active' : 'editor-file'} data-testid="editor-file" data-path={path} title={path} onClick={() => onOpen(path)}>
          {path.slice(home.length + 1)}
        </button>
      ))}
    </div>
  );
}
