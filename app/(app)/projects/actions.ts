"use server";
// Projects: create, edit, archive/unarchive, delete (admins). The services authorize.
import { defineAction } from "@/lib/action";
import { createProject, deleteProject, setProjectArchived, updateProject } from "@/lib/services/projects";
import { ZArchive, ZById } from "@/lib/validation/common";
import { ZProject, ZProjectUpdate } from "@/lib/validation/projects";

export const createProjectAction = defineAction({
  name: "projects.create",
  access: "user",
  from: "form",
  input: ZProject,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ id: (await createProject(actor, input)).id }),
  revalidate: ["/projects"],
});

export const updateProjectAction = defineAction({
  name: "projects.update",
  access: "user",
  from: "form",
  input: ZProjectUpdate,
  checkboxes: ["billable"],
  run: async (actor, input) => void (await updateProject(actor, input)),
  revalidate: [["/projects", "layout"]],
});

export const archiveProjectAction = defineAction({
  name: "projects.archive",
  access: "user",
  from: "form",
  input: ZArchive,
  run: (actor, input) => setProjectArchived(actor, input),
  revalidate: [["/projects", "layout"]],
});

export const deleteProjectAction = defineAction({
  name: "projects.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteProject(actor, input),
  revalidate: ["/projects"],
  redirect: () => "/projects",
});
