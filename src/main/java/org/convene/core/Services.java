package org.convene.core;

/**
 * The application as adapters see it: the operations, the access rules, the tokens and the chat
 * allowance, built once by the composition root and passed to the HTTP server and the command line.
 */
public record Services(Convene convene, Access access, Tokens tokens, ChatRateLimit chatLimit) {}
