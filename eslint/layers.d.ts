/** Types of eslint/layers.js for the tests that read the map (tests/unit/architecture.test.ts). */
export interface Zone {
  path: string;
  may: string[];
}
export const MAIN_ZONES: Record<string, Zone>;
export const RENDERER_ZONES: Record<string, Zone>;
export const RENDERER_TYPES_FROM: string[];
export function restrictedZones(): { target: string; from: string; message: string }[];
export function rendererTypeOnlyPatterns(): {
  group: string[];
  allowTypeImports: boolean;
  message: string;
}[];
