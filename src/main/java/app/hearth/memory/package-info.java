/**
 * Memory accounting for loaded models: {@link app.hearth.memory.MemoryEstimator} predicts
 * from a GGUF header what a load will add to the worker's resident memory.
 */
package app.hearth.memory;
