import Link from "next/link";
import type { ProjectSummary } from "@/lib/contracts/projects";
import { formatCount, formatRelativeTime } from "@/lib/format";
import { DataTable } from "../ui/data-table";

/** Projects with their platform and counts; a grouping-API project also names its caller's project id. */
export function ProjectsTable({ caption, projects, now }: { caption: string; projects: ProjectSummary[]; now: Date }) {
  return (
    <DataTable
      caption={caption}
      clip
      padding="px-4"
      columns={[
        "Project",
        "Platform",
        { label: "Issues", align: "right" },
        { label: "Events", align: "right" },
        "Last seen",
      ]}
    >
      {projects.map((project) => (
        <tr key={project.id}>
          <th scope="row" className="px-4 py-2 text-left font-medium">
            <Link href={`/projects/${project.id}`} className="text-indigo-700 hover:underline">
              {project.name}
            </Link>
            <span className="ml-2 font-mono text-xs font-normal text-slate-500">
              {project.slug} · #{project.id}
              {project.callerProjectId !== null ? ` · caller's id ${project.callerProjectId}` : ""}
            </span>
          </th>
          <td className="px-4 py-2">
            <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">{project.platform}</span>
          </td>
          <td className="px-4 py-2 text-right tabular-nums">{formatCount(project.issueCount)}</td>
          <td className="px-4 py-2 text-right tabular-nums">{formatCount(project.eventCount)}</td>
          <td className="px-4 py-2 text-slate-600">
            {project.lastSeen ? (
              <time dateTime={project.lastSeen}>{formatRelativeTime(new Date(project.lastSeen), now)}</time>
            ) : (
              "never"
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
