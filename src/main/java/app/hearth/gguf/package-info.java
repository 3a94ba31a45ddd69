/**
 * Reads what a GGUF model file says about itself (architecture, size, quantization,
 * hyperparameters, chat template, tensor index) without loading tensor data or native code.
 * Entry point: {@link app.hearth.gguf.GgufReader#read(java.nio.file.Path)}.
 */
package app.hearth.gguf;
