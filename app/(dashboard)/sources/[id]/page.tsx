import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSourceDetail } from "@/lib/sources/read-sources";
import { getSyncStatus } from "@/lib/sources/sync-status";
import { Card, PageHeader } from "@/components/ui/card";
import { EditSourceForm } from "@/components/sources/edit-source-form";
import { PermissionsList } from "@/components/sources/permissions-list";
import { RunHistory } from "@/components/sources/run-history";
import { ScheduleForm } from "@/components/sources/schedule-form";
import { DeleteSourceForm, TestConnectionButton } from "@/components/sources/source-buttons";
import { SyncPanel } from "@/components/sources/sync-panel";
import { UploadImportForm } from "@/components/sources/upload-import-form";
import { approveSweepAction, deleteSourceAction, syncNowAction, testConnectionAction, updateScheduleAction, updateSourceConfigAction } from "../actions";

export const metadata: Metadata = { title: "Source" };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-4">
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller("sync:run");
  const { id } = await params;
  const [detail, status] = await Promise.all([getSourceDetail(caller, id), getSyncStatus(caller, id)]).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    throw error;
  });
  const canManage = roleCan(caller.role, "sources:manage");
  const { connector } = detail;
  return (
    <>
      <PageHeader
        title={detail.name}
        description={`${connector.displayName}${detail.environment ? ` · ${detail.environment}` : ""}`}
        actions={canManage && connector.liveSync ? <TestConnectionButton test={testConnectionAction.bind(null, detail.id)} /> : null}
      />
      <div className="space-y-6">
        <Card className="p-4">
          <SyncPanel
            sourceId={detail.id}
            initial={status}
            syncNow={connector.liveSync ? syncNowAction.bind(null, detail.id) : null}
            approveSweep={canManage ? approveSweepAction.bind(null, detail.id) : null}
          />
        </Card>
        <Section title="Run history (last 20)">
          <RunHistory runs={detail.runs} />
        </Section>
        <Section title="Import files">
          <UploadImportForm sourceId={detail.id} />
        </Section>
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <Section title="Settings">
            {canManage ? (
              <EditSourceForm
                name={detail.name}
                fields={connector.fields}
                values={detail.configText}
                secretsSet={detail.secrets.filter((s) => s.set).map((s) => s.field)}
                save={updateSourceConfigAction.bind(null, detail.id)}
              />
            ) : (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {connector.fields.map((field) => (
                  <div key={field.path} className="contents">
                    <dt className="text-muted">{field.label}</dt>
                    <dd className="font-mono text-xs">
                      {field.kind === "secret" ? (detail.secrets.find((s) => s.field === field.path)?.set ? "set" : "not set") : (detail.configText[field.path] ?? "—")}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </Section>
          <Section title="Permissions it needs">
            <PermissionsList connector={connector} />
          </Section>
        </div>
        <Section title="Schedule and environment">
          {canManage ? (
            <ScheduleForm schedule={detail.schedule} environment={detail.environment} nextRuns={detail.nextRuns} save={updateScheduleAction.bind(null, detail.id)} />
          ) : (
            <p className="text-sm">{detail.schedule ? <code className="font-mono">{detail.schedule}</code> : "Manual only."}</p>
          )}
        </Section>
        {canManage ? (
          <Section title="Delete">
            <DeleteSourceForm name={detail.name} remove={deleteSourceAction.bind(null, detail.id)} />
          </Section>
        ) : null}
      </div>
    </>
  );
}
