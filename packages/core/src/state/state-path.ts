/** A path into a state file, as keys and list positions: `['templates', 3, 'category']`. */
export type StatePath = readonly (string | number)[];
