import type { Metadata } from "next";
import { CreateProjectDialog } from "@/components/projects/create-project-dialog";
import { ProjectsView } from "@/components/projects/projects-view";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const user = await currentUser();
  const canManage = user !== null && hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Projects"
        description="Every project regroup groups events for, with its platform, issues and events."
        actions={canManage ? <CreateProjectDialog /> : undefined}
      />
      <ProjectsView canManage={canManage} />
    </>
  );
}
