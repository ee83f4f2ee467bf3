/**
 * The command line (picocli): serve, the scheduler, every operation as a command, the seed's data and
 * demonstrations, dump, and the benchmark.
 */
package org.convene.cli;
