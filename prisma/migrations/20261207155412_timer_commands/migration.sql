-- CreateTable
CREATE TABLE "timer_commands" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "entry_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "timer_commands_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "timer_commands_created_at_idx" ON "timer_commands"("created_at");
