import { defineFormat, type FormatBatch, type InspectedFile } from "../../sdk";
import { ProblemList } from "../../keyward/text/file-problems";
import { findJsonSyntaxProblem, lineOfJsonPath } from "../../keyward/text/json-locate";
import { safeSegment } from "../../keyward/text/safe-field";
import { fieldOfHeader, type PersonField } from "../schemas";
import { PersonChecker } from "./rows";

/** How many leading entries the detector looks at. */
const SNIFF_ENTRIES = 5;
const SNIFF_CHARS = 4096;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The list of people: the document itself, or its `people` array. */
function listOf(json: unknown): { entries: unknown[]; prefix: (string | number)[] } | undefined {
  if (Array.isArray(json)) return { entries: json, prefix: [] };
  if (isObject(json) && !Object.hasOwn(json, "keyward") && Array.isArray(json.people))
    return { entries: json.people, prefix: ["people"] };
  return undefined;
}

const hasEmailKey = (entry: unknown) => isObject(entry) && Object.keys(entry).some((key) => fieldOfHeader(key) === "email");

function detect(file: InspectedFile): number {
  if (file.json === undefined) {
    const head = file.text.slice(0, SNIFF_CHARS);
    return /^\s*[[{]/.test(head) && !/"keyward"\s*:/.test(head) && /"e-?mail"\s*:/i.test(head) ? 0.5 : 0;
  }
  const list = listOf(file.json);
  if (!list) return 0;
  if (list.prefix.length > 0) return 0.9;
  return list.entries.slice(0, SNIFF_ENTRIES).some(hasEmailKey) ? 0.9 : 0;
}

function parse(file: InspectedFile): FormatBatch[] {
  const problems = new ProblemList();
  const list = file.json === undefined ? undefined : listOf(file.json);
  if (!list) {
    const syntax = file.json === undefined ? findJsonSyntaxProblem(file.text) : undefined;
    const reason =
      file.json === undefined
        ? `not valid JSON: ${syntax?.reason ?? "cannot be read"}`
        : 'expected an array of people or { "people": [...] }';
    problems.add({ line: syntax?.line, reason });
    problems.throwIfAny(file.path);
    return [];
  }
  const checker = new PersonChecker(problems);
  const items: unknown[] = [];
  list.entries.forEach((entry, index) => {
    if (problems.full) return;
    const path = [...list.prefix, index];
    const line = () => lineOfJsonPath(file.text, path);
    if (!isObject(entry)) return problems.add({ field: path.join("."), line: line(), reason: "must be an object" });
    const person: Partial<Record<PersonField, unknown>> = {};
    const keyOf = new Map<string, string>();
    for (const [key, value] of Object.entries(entry)) {
      const field = fieldOfHeader(key);
      if (!field) continue;
      if (keyOf.has(field))
        return problems.add({ field: `${path.join(".")}.${field}`, line: line(), reason: "two keys mean the same field" });
      keyOf.set(field, key);
      person[field] = value;
    }
    const fieldOf = (field: string) => `${path.join(".")}.${safeSegment(keyOf.get(field) ?? field)}`;
    if (checker.check(person, { line, fieldOf })) items.push(person);
  });
  problems.throwIfAny(file.path);
  return [{ stream: "people", items }];
}

/** An array of people, or `{ "people": [...] }`, with the same field names as the CSV. */
export const peopleJsonFormat = defineFormat({
  id: "people.directory-json",
  description: "People directory (JSON): [{ email, name, team, manager, status }] or { people: [...] }",
  detect,
  parse,
});
