import type { Metadata } from "next";
import { ProjectsView } from "@/components/projects/projects-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <>
      <PageHeader
        title="Projects"
        description="Every project regroup groups events for, with its platform, issues and events."
      />
      <ProjectsView />
    </>
  );
}
