/**
 * What a data source hands the pipeline besides its settings: a CSV's text, or the bytes of a
 * binary source (MNIST's IDX pair, an imported image set). Bytes travel to the data worker as a
 * typed array (transferred), not as text: packing them one byte per character cost a loop over
 * every byte on the page and another in the worker.
 */
export type DataContent = string | Uint8Array;
