package org.convene.store;

class EmbeddedJoinAndLeaveTest extends JoinAndLeaveContract {
    @Override
    RedisConnection redis() {
        return RedisTargets.embedded();
    }
}
