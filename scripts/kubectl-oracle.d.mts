export declare const ORACLE_VERSION: string;
/** The path of the real kubectl v1.35.2, extracting it on first use. */
export declare function oracleKubectlPath(): string;
