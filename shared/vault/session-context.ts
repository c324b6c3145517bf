/**
 * The AAD context a platform session is sealed under. Binding the ciphertext to its owner and
 * platform means a blob copied into another user's row, or onto another platform, fails to
 * decrypt; every reader (session health, auto-apply) must pass the same context.
 */
export const sessionContext = (userId: string, platform: string) => `${userId}:${platform}`
