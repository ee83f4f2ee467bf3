/**
 * The audit trail made trustworthy: a sealer chains each chain's records with SHA-256 ({@link AuditChain}) and signs
 * checkpoints of every chain's head with Ed25519 ({@link SealKey}); an export verifies offline ({@link AuditVerifier}).
 * It reaches Redis only through its port, {@link org.convene.audit.port.AuditChains}.
 */
package org.convene.audit;
