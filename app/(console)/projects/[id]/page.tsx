import { notFound } from "next/navigation";
import { ProjectView } from "@/components/projects/project-view";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await currentUser();
  return (
    <ProjectView
      projectId={id}
      canManage={user !== null && hasRole(user.role, "admin")}
      canMerge={user !== null && hasRole(user.role, "labeler")}
    />
  );
}
