/** Tables of this feature (none yet). */
export {};
