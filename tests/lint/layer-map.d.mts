export declare const LAYERS: Record<string, { may: string[]; node?: boolean; uiPackages?: boolean; typeOnlyPackages?: boolean }>;
export declare const ROOT_FILES: Record<string, string>;
export declare const UI_PACKAGES: RegExp[];
export declare const STORE_OWNERS: string[];
export declare const VIRTUAL_TIME_LAYERS: string[];
export declare const WALL_CLOCK_GLOBALS: string[];
