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
  /** `message` may hold `{{ expression }}` parts, replaced by their values over the same bindings. */
  | ({ kind: 'cel'; expression: string; message: string } & Partial<ObjectRef>)
  | ({ kind: 'container' } & ContainerCheck & CheckMessage);

/**
 * One container of a pod, judged by what it runs rather than how the manifest spells it: the
 * effective argv (the image's ENTRYPOINT/CMD combined with `command`/`args`), its image and mounts.
 */
export interface ContainerCheck {
  /** The pod. */
  name: string;
  namespace?: string;
  /** The container's name; without it the list must hold exactly one container. */
  container?: string;
  /**
   * Where the container is looked for: `containers` (default), `initContainers`, or `sidecars` —
   * a regular container or a native sidecar (an init container with `restartPolicy: Always`).
   */
  among?: 'containers' | 'initContainers' | 'sidecars';
  image?: string;
  /** A regular expression the image must match, e.g. any tag of busybox. */
  imageMatches?: string;
  /**
   * Accepted argvs as shell words (`python app.py --color=green`, `sh -c 'sleep 20'`). The program
   * may be named by path (`/bin/sleep`), and `sh -c` around a plain command counts as the command.
   */
  argv?: string[];
  /** Volume mounts the container must have; paths match with or without a trailing slash. */
  mounts?: { volume: string; path: string }[];
}

export interface CheckMessage {
  /** Replaces the generated explanation of a failure; `{found}` stands for what was found. */
  message?: string;
}

export interface Capture extends ObjectRef {
  path: string;
}

/**
 * A question graded against the cluster when it is answered: a CEL expression over `answer` (the
 * trimmed text), `object`/`objects` (what the ref names) and `captures` that is true when the answer
 * is right.
 */
export interface AnswerCheck extends Partial<ObjectRef> {
  expression: string;
}

/** One option of a multiple-choice question. */
export interface Choice {
  text: string;
  /** Why this option is right or wrong, in a sentence or two: shown once the learner picks it. */
  explanation: string;
}

export interface Step {
  id: string;
  kind: 'info' | 'question' | 'task';
  prompt: string;
  choices?: Choice[];
  freeText?: boolean;
  /** Accepted answers (questions). */
  answers?: string[];
  /** A regular expression an answer may match instead (free text). */
  pattern?: string;
  /** Grades the answer from the cluster instead of (or besides) the fixed `answers`. */
  accept?: AnswerCheck;
  /** Objects created when the learner reaches this step (a pod the question is about). */
  setup?: { manifests: string[] };
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
  /** About how long the lab takes a learner, in minutes. */
  minutes?: number;
  setup: {
    manifests?: string[];
    files?: Record<string, SetupFile>;
    settleSeconds?: number;
    captures?: Record<string, Capture>;
    /**
     * Contexts added to `/root/.kube/config` beside `kubernetes-admin@kubernetes`, as an exam
     * names one per task cluster. Each points at the same simulated cluster, with its own default
     * namespace and user.
     */
    contexts?: LabContext[];
    /** The context the lab starts in; `kubernetes-admin@kubernetes` when absent. */
    currentContext?: string;
  };
  /** The lab's nodes; absent: `controlplane` and `node01`. */
  cluster?: LabCluster;
  steps: Step[];
  /** Addresses the app preview offers, as the real lab's tabs (`Webapp Portal`, `Kibana`). */
  previews?: Preview[];
}

export interface LabContext {
  name: string;
  namespace?: string;
  /** A user kubeadm-style credentials are written for; `kubernetes-admin` when absent. */
  user?: string;
}

/** How many workers (node01, node02 …) the lab's cluster has, and how big its nodes are. */
export interface LabCluster {
  workerNodes?: number;
  workerSize?: LabNodeSize;
  controlPlaneSize?: LabNodeSize;
}

/** A node's capacity: cpu and memory quantities (`4`, `500m`; `8Gi`), and the kubelet's maxPods. */
export interface LabNodeSize {
  cpu?: string;
  memory?: string;
  pods?: number;
}

export interface Preview {
  title: string;
  /** `host:port` as seen from the controlplane, e.g. `node01:30080`. */
  address: string;
}

export interface ManifestText {
  name: string;
  text: string;
}

/** A lab with the texts of its setup files resolved. */
export interface LoadedLab extends Lab {
  manifestTexts: ManifestText[];
  /** Per step id, the manifests its `setup` creates when the step is reached. */
  stepManifestTexts: Record<string, ManifestText[]>;
  fileContents: { path: string; content: string; mode: number }[];
}

export interface StepVerdict {
  stepId: string;
  status: 'pass' | 'fail' | 'pending';
  why: string;
  /** Why the chosen option of a multiple-choice question is right or wrong. */
  explanation?: string;
}

/** What the grader remembers: plain data, persisted between reloads. */
export interface Progress {
  labId: string;
  passed: string[];
  answers: Record<string, string>;
  captures: Record<string, string>;
  /** The furthest step the learner has reached (absent in saves from before it was kept). */
  reached?: string;
}
