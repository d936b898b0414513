"use server";
// Tasks: create, edit, move on the board, delete (creator or admin). The services authorize.
import { defineAction, type Revalidation } from "@/lib/action";
import { createTask, deleteTask, setTaskStatus, updateTask } from "@/lib/services/tasks";
import { ZById } from "@/lib/validation/common";
import { ZTask, ZTaskMove, ZTaskUpdate } from "@/lib/validation/tasks";

// Task names show in the pickers of the timer and entry pages.
const everything: Revalidation[] = [["/", "layout"]];

export const createTaskAction = defineAction({
  name: "tasks.create",
  access: "user",
  from: "form",
  input: ZTask,
  run: async (actor, input) => ({ id: (await createTask(actor, input)).id }),
  revalidate: everything,
});

export const updateTaskAction = defineAction({
  name: "tasks.update",
  access: "user",
  from: "form",
  input: ZTaskUpdate,
  run: async (actor, input) => void (await updateTask(actor, input)),
  revalidate: everything,
});

/** Board move: { id, status }. */
export const moveTaskAction = defineAction({
  name: "tasks.move",
  access: "user",
  from: "object",
  input: ZTaskMove,
  run: async (actor, input) => void (await setTaskStatus(actor, input)),
  revalidate: ["/tasks"],
});

export const deleteTaskAction = defineAction({
  name: "tasks.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteTask(actor, input),
  revalidate: everything,
});
