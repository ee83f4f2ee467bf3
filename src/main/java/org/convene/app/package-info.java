/**
 * The composition root: settings read once from the environment, the node that opens the store (bringing its
 * data layout up to date) and puts the services, the scheduler, webhook delivery and the server on it, and
 * logging.
 */
package org.convene.app;
