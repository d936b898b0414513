// What the grouped entry list calls: the page passes app/(app)/entries/actions.ts in (components
// never import app/). Each returns the pipeline's ActionResult.
import type { ActionResult } from "@/lib/errors";
import type { FormAction } from "@/components/forms/action-form";

export interface RowInput {
  id: string;
  projectId: string;
  taskId: string | null;
  date: string;
  startTime: string | null;
  endTime: string | null;
  duration: string;
  notes: string;
  tags: string[];
  billable: "on" | "off";
}

export interface EntryListActions {
  save: (input: RowInput) => Promise<ActionResult<{ overlaps: boolean }>>;
  duplicate: FormAction;
  remove: FormAction;
  restore: (input: { ids: string[] }) => Promise<ActionResult<{ restored: number }>>;
  bulkUpdate: (input: {
    ids: string[];
    projectId?: string | null;
    taskId?: string | null;
    tags?: string[];
    billable?: "on" | "off";
  }) => Promise<ActionResult<{ updated: number }>>;
  bulkDelete: (input: { ids: string[] }) => Promise<ActionResult<{ deleted: number }>>;
}

export interface ProjectOption {
  /** "projectId" or "projectId:taskId". */
  value: string;
  label: string;
}
