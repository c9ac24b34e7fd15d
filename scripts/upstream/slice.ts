// This resource's slice of Microsoft's CSDL metadata: the enum, the entity and the key it inherits, the navigation
// from deviceManagement, the bound actions. Read with a real XML parser (fast-xml-parser), written back as a small
// canonical CSDL fragment that a reviewer can diff, and read again by the agreement test.
import { XMLParser } from "fast-xml-parser";

export interface SliceProperty {
  name: string;
  type: string;
  nullable: boolean;
}

export interface Slice {
  /** e.g. "Prod", "Fairfax", from the source file's name */
  cloud: string;
  /** The file's path in microsoftgraph/msgraph-metadata */
  source: string;
  commit: string;
  commitDate: string;
  taken: string;
  /** False when the cloud's metadata has no remoteAssistancePartner at all. */
  present: boolean;
  key?: { entity: string; property: SliceProperty };
  entity?: { name: string; baseType: string; properties: SliceProperty[] };
  enumType?: { name: string; members: { name: string; value: string }[] };
  singleton?: { name: string; type: string };
  navigation?: { entityType: string; name: string; type: string; containsTarget: boolean };
  actions: { name: string; bindingParameter: string; parameters: { name: string; type: string }[]; returnType?: string }[];
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });

const ENTITY = "remoteAssistancePartner";
const ENUM = "remoteAssistanceOnboardingStatus";
const children = (node: Node | undefined, name: string) => (node?.[name] as Node[] | undefined) ?? [];
const attr = (node: Node, name: string) => node[name] as string | undefined;
const property = (node: Node): SliceProperty => ({ name: attr(node, "Name")!, type: attr(node, "Type")!, nullable: attr(node, "Nullable") !== "false" });

/** Extracts the slice from a whole CSDL document. */
export function extractSlice(csdl: string, meta: Omit<Slice, "present" | "actions">): Slice {
  const root = parser.parse(csdl) as Node;
  const schema = children(children(children(root, "edmx:Edmx")[0], "edmx:DataServices")[0], "Schema").find((s) => attr(s, "Namespace") === "microsoft.graph");
  if (!schema) throw new Error(`${meta.source}: no microsoft.graph schema`);
  const entityTypes = children(schema, "EntityType");
  const entity = entityTypes.find((e) => attr(e, "Name") === ENTITY);
  if (!entity) return { ...meta, present: false, actions: [] };
  const base = entityTypes.find((e) => attr(e, "Name") === attr(entity, "BaseType")!.replace(/^graph\./, ""));
  const owner = entityTypes.find((e) => children(e, "NavigationProperty").some((n) => attr(n, "Type") === COLLECTION_TYPE));
  const navigation = children(owner, "NavigationProperty").find((n) => attr(n, "Type") === COLLECTION_TYPE);
  const ownerName = owner ? attr(owner, "Name")! : "";
  // The container names types in full (microsoft.graph.x), the schema by its alias (graph.x).
  const singleton = children(children(schema, "EntityContainer")[0], "Singleton").find((s) => [`graph.${ownerName}`, `microsoft.graph.${ownerName}`].includes(attr(s, "Type")!));
  return assemble(meta, { entity, base, enumNode: children(schema, "EnumType").find((e) => attr(e, "Name") === ENUM), singleton, navigation, ownerName, actionNodes: children(schema, "Action") });
}

/** Reads a committed slice back: the same readers over the fragment's own elements. */
export function parseSlice(xml: string): Slice {
  const slice = children(parser.parse(xml) as Node, "Slice")[0];
  if (!slice) throw new Error("not a slice: no <Slice> element");
  const meta = { cloud: attr(slice, "Cloud")!, source: attr(slice, "Source")!, commit: attr(slice, "Commit")!, commitDate: attr(slice, "CommitDate")!, taken: attr(slice, "Taken")! };
  if (attr(slice, "Present") !== "true") return { ...meta, present: false, actions: [] };
  const entityTypes = children(slice, "EntityType");
  const navigation = children(slice, "NavigationProperty")[0];
  return assemble(meta, {
    entity: entityTypes.find((e) => attr(e, "Name") === ENTITY),
    base: entityTypes.find((e) => attr(e, "Abstract") === "true"),
    enumNode: children(slice, "EnumType")[0],
    singleton: children(slice, "Singleton")[0],
    navigation,
    ownerName: navigation ? attr(navigation, "EntityType")! : "",
    actionNodes: children(slice, "Action"),
  });
}

const COLLECTION_TYPE = `Collection(graph.${ENTITY})`;

interface Found {
  entity: Node | undefined;
  base: Node | undefined;
  enumNode: Node | undefined;
  singleton: Node | undefined;
  navigation: Node | undefined;
  ownerName: string;
  actionNodes: Node[];
}

function assemble(meta: Omit<Slice, "present" | "actions">, { entity, base, enumNode, singleton, navigation, ownerName, actionNodes }: Found): Slice {
  if (!entity) throw new Error(`${meta.source}: no ${ENTITY}`);
  const keyName = attr(children(children(base, "Key")[0], "PropertyRef")[0] ?? {}, "Name");
  const keyProperty = children(base, "Property").find((p) => attr(p, "Name") === keyName);
  if (!base || !keyProperty) throw new Error(`${meta.source}: ${ENTITY}'s base type has no key`);
  const actions = actionNodes
    .filter((a) => attr(a, "IsBound") === "true" && attr(children(a, "Parameter")[0] ?? {}, "Type") === `graph.${ENTITY}`)
    .map((a) => {
      const [binding, ...parameters] = children(a, "Parameter");
      const returnType = attr(children(a, "ReturnType")[0] ?? {}, "Type");
      return { name: attr(a, "Name")!, bindingParameter: attr(binding!, "Name")!, parameters: parameters.map((p) => ({ name: attr(p, "Name")!, type: attr(p, "Type")! })), ...(returnType ? { returnType } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...meta,
    present: true,
    key: { entity: attr(base, "Name")!, property: property(keyProperty) },
    entity: { name: ENTITY, baseType: attr(entity, "BaseType")!, properties: children(entity, "Property").map(property) },
    ...(enumNode ? { enumType: { name: attr(enumNode, "Name")!, members: children(enumNode, "Member").map((m) => ({ name: attr(m, "Name")!, value: attr(m, "Value")! })) } } : {}),
    ...(singleton ? { singleton: { name: attr(singleton, "Name")!, type: attr(singleton, "Type")! } } : {}),
    ...(navigation ? { navigation: { entityType: ownerName, name: attr(navigation, "Name")!, type: attr(navigation, "Type")!, containsTarget: attr(navigation, "ContainsTarget") === "true" } } : {}),
    actions,
  };
}

const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const element = (name: string, attributes: Record<string, string | boolean | undefined>, inner?: string[], indent = "  ") => {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join("");
  return inner?.length ? [`${indent}<${name}${attrs}>`, ...inner.map((line) => `  ${line}`), `${indent}</${name}>`] : [`${indent}<${name}${attrs} />`];
};
const propertyXml = (p: SliceProperty) => element("Property", { Name: p.name, Type: p.type, Nullable: p.nullable ? undefined : "false" }, undefined, "  ");

/** The slice as a canonical CSDL fragment: the same slice always gives the same bytes. */
export function sliceToXml(slice: Slice): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!--`,
    `  The remoteAssistancePartner slice of Microsoft Graph's v1.0 metadata, ${slice.cloud} cloud.`,
    `  Source: microsoftgraph/msgraph-metadata, ${slice.source}, commit ${slice.commit} (${slice.commitDate}), MIT licence.`,
    `  Taken ${slice.taken} with npm run upstream. Do not edit by hand: run it again and review the diff.`,
    `-->`,
  ];
  const body: string[] = [];
  if (slice.present) {
    const { key, entity, enumType, singleton, navigation } = slice;
    body.push(...element("EntityType", { Name: key!.entity, Abstract: "true" }, [`  <Key><PropertyRef Name="${escape(key!.property.name)}" /></Key>`, ...propertyXml(key!.property)]));
    body.push(...element("EntityType", { Name: entity!.name, BaseType: entity!.baseType }, entity!.properties.flatMap(propertyXml)));
    if (enumType) body.push(...element("EnumType", { Name: enumType.name }, enumType.members.flatMap((m) => element("Member", { Name: m.name, Value: m.value }))));
    if (singleton) body.push(...element("Singleton", { Name: singleton.name, Type: singleton.type }));
    if (navigation) body.push(...element("NavigationProperty", { EntityType: navigation.entityType, Name: navigation.name, Type: navigation.type, ContainsTarget: navigation.containsTarget ? "true" : undefined }));
    for (const action of slice.actions) {
      const parameters = [{ name: action.bindingParameter, type: `graph.${slice.entity!.name}` }, ...action.parameters].flatMap((p) => element("Parameter", { Name: p.name, Type: p.type }));
      const returns = action.returnType ? element("ReturnType", { Type: action.returnType }) : [];
      body.push(...element("Action", { Name: action.name, IsBound: "true" }, [...parameters, ...returns]));
    }
  }
  const meta = { Cloud: slice.cloud, Source: slice.source, Commit: slice.commit, CommitDate: slice.commitDate, Taken: slice.taken, Present: String(slice.present) };
  lines.push(...element("Slice", meta, body.map((line) => line.slice(2)), ""));
  return `${lines.join("\n")}\n`;
}
