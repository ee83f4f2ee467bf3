package org.convene.http;

import org.convene.testing.ApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests on one real server for the whole class, with the seed world (see {@link ApiServer}). */
abstract class ApiServerTest {
    static ApiServer api;

    @BeforeAll
    static void startServer() {
        api = new ApiServer(1_000_000);
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }
}
