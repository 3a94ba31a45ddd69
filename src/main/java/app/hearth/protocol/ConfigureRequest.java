package app.hearth.protocol;

/**
 * Sets the worker's memory policy.
 *
 * @param budgetBytes   memory the cached models may take together, in bytes; 0 keeps the
 *                      current budget
 * @param idleExpiryMs  how long an unused model stays cached, in milliseconds; 0 = forever,
 *                      negative keeps the current value
 */
public record ConfigureRequest(String id, long budgetBytes, long idleExpiryMs)
        implements Request {
}
