import { useEffect, useRef } from 'react';
import type { LabEntry } from '../../protocol/messages.ts';
import { hashOf, type Route } from '../app/route.ts';
import { LabCard } from './lab-card.tsx';
import { progressText } from './lab-progress.ts';
import './home-page.css';

/**
 * What a learner lands on: the module's labs with their length and this learner's score, a way back
 * to where they left off, and the free-play cluster. `labs` is undefined until the worker answers.
 */
export function HomePage({ labs, last }: { labs: LabEntry[] | undefined; last: Route | undefined }) {
  const lastLab = last?.kind === 'lab' ? labs?.find((l) => l.id === last.id) : undefined;
  const resumable = last?.kind === 'free-play' || lastLab !== undefined;
  const first = useRef<HTMLAnchorElement>(null);
  // Keyboard users start at the way in, not at the top of the document.
  const loaded = labs !== undefined;
  useEffect(() => first.current?.focus(), [resumable, loaded]);
  return (
    <main className="home" data-testid="home">
      <header className="home-intro">
        <h1>CKA practice labs</h1>
        <p>
          Each lab sets up a Kubernetes v1.35 cluster in your browser and walks you through a task from the exam&apos;s curriculum: a real terminal with kubectl, an editor, and
          checks that grade what you did. Your work is kept in this browser.
        </p>
      </header>
      {resumable && last && (
        <section className="home-continue" aria-labelledby="home-continue-title">
          <h2 id="home-continue-title">Continue where you left off</h2>
          <a ref={first} className="home-continue-link" href={hashOf(last)} data-testid="home-continue">
            <strong>{lastLab ? lastLab.title : 'Free play'}</strong>
            <span>{lastLab ? progressText(lastLab) : 'your own cluster'}</span>
            <span aria-hidden="true">Continue →</span>
          </a>
        </section>
      )}
      <section aria-labelledby="home-labs-title">
        <h2 id="home-labs-title">Labs</h2>
        {labs === undefined ? (
          <p className="home-loading">Loading the labs…</p>
        ) : (
          <ul className="home-labs">
            {labs.map((lab) => (
              <LabCard key={lab.id} lab={lab} />
            ))}
            <li className="lab-card free-play" data-testid="home-free-play">
              <h3>
                <a ref={resumable ? undefined : first} href="#/free-play">
                  Free play
                </a>
              </h3>
              <p className="lab-card-summary">A cluster of your own with no steps and no checks: try any command, break things, and start again.</p>
              <p className="lab-card-meta">
                <span>controlplane and node01</span>
              </p>
            </li>
          </ul>
        )}
      </section>
    </main>
  );
}
