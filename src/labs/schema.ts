/**
 * Lab format v1: a lab is data (lab.yaml plus the files beside it). Nothing in a lab runs as code
 * in the learner's browser: checks are declarative, CEL expressions are evaluated, not executed.
 */

/** Where a check or capture reads an object: the resource (plural, short name or kind) and name. */
export interface ObjectRef {
  /** e.g. `deployments`, `deployment`, `deploy`, `pods`. */
  resource: string;
  namespace?: string;
  name?: string;
  labelSelector?: string;
}

export type Check =
  | ({ kind: 'exists' } & ObjectRef & CheckMessage)
  | ({ kind: 'absent' } & ObjectRef & CheckMessage)
  | ({ kind: 'jsonpath'; path: string; equals?: string; notEquals?: string; matches?: string; in?: string[]; absent?: boolean } & ObjectRef & CheckMessage)
  | ({ kind: 'count'; equals?: number; min?: number; max?: number } & ObjectRef & CheckMessage)
  | ({ kind: 'podReady' } & ObjectRef & CheckMessage)
  | ({ kind: 'rolloutComplete' } & ObjectRef & CheckMessage)
  | ({ kind: 'sameAs'; path: string; capture: string } & ObjectRef & CheckMessage)
  | ({ kind: 'fileContains'; path: string; text?: string; pattern?: string } & CheckMessage)
  | ({ kind: 'cel'; expression: string; message: string } & Partial<ObjectRef>);

export interface CheckMessage {
  /** Replaces the generated explanation of a failure. */
  message?: string;
}

export interface Capture extends ObjectRef {
  path: string;
}

export interface Step {
  id: string;
  kind: 'info' | 'question' | 'task';
  prompt: string;
  choices?: string[];
  freeText?: boolean;
  /** Accepted answers (questions). */
  answers?: string[];
  /** A regular expression an answer may match instead (free text). */
  pattern?: string;
  hints?: string[];
  /** Shown on request: text for questions, shell lines for tasks. */
  solution?: string | string[];
  checks?: Check[];
  /** Values recorded the first time this step passes (name -> where to read it). */
  capture?: Record<string, Capture>;
}

export interface SetupFile {
  source?: string;
  content?: string;
  /** Octal permission bits as a string, e.g. "0755". */
  mode?: string;
}

export interface Lab {
  version: 1;
  id: string;
  title: string;
  summary: string;
  setup: {
    manifests?: string[];
    files?: Record<string, SetupFile>;
    settleSeconds?: number;
    captures?: Record<string, Capture>;
  };
  steps: Step[];
}

/** A lab with the texts of its setup files resolved. */
export interface LoadedLab extends Lab {
  manifestTexts: { name: string; text: string }[];
  fileContents: { path: string; content: string; mode: number }[];
}

export interface StepVerdict {
  stepId: string;
  status: 'pass' | 'fail' | 'pending';
  why: string;
}

/** What the grader remembers: plain data, persisted between reloads. */
export interface Progress {
  labId: string;
  passed: string[];
  answers: Record<string, string>;
  captures: Record<string, string>;
}
