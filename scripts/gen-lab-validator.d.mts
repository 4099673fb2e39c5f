/** Where the generated lab validator lives. */
export declare const VALIDATOR_PATH: string;
/** The text of the generated module for the lab schema as it is now. */
export declare function labValidatorSource(): string;
