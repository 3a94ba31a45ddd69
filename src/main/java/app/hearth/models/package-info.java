/**
 * The model files a person can choose from: finding them in folders, reading what their
 * headers say, estimating their memory at the context the worker would use, and judging
 * whether they fit. Pure Java without JavaFX, shared by the model picker and
 * {@code hearth models}; everything here that reads files blocks, so call it off the FX thread.
 */
package app.hearth.models;
