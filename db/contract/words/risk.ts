import type { EffectiveRosh, MappaLevel } from '../rules.js';

/** A RoSH level in words: "Very high"; "Very high RoSH" where the word RoSH is not already near. */
export const roshLabels: Readonly<Record<EffectiveRosh, string>> = {
  VERY_HIGH: 'Very high',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  UNKNOWN: 'Unknown',
};

export const mappaLevelLabels: Readonly<Record<MappaLevel, string>> = { M1: 'Level 1', M2: 'Level 2', M3: 'Level 3' };
