import { ConsolePage, consolePageMetadata } from "@/components/app-shell/console-page";
import { CreateProjectDialog } from "@/components/projects/create-project-dialog";
import { ProjectsView } from "@/components/projects/projects-view";
import { hasRole } from "@/lib/auth/roles";
import { currentUser } from "@/server/auth/current-user";

export const metadata = consolePageMetadata("projects");

export default async function ProjectsPage() {
  const user = await currentUser();
  const canManage = user !== null && hasRole(user.role, "admin");
  return (
    <ConsolePage
      page="projects"
      actions={canManage ? <CreateProjectDialog /> : undefined}
      view={<ProjectsView canManage={canManage} />}
    />
  );
}
