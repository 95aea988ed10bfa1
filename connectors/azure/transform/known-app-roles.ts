/*
 * Names of the most consequential Microsoft Graph application permissions by app role id (the
 * ids are the same in every tenant; learn.microsoft.com/graph/permissions-reference). A live sync
 * reads every resource's `appRoles`; an offline export of appRoleAssignments carries only ids,
 * and this table lets it still name — and rank — the Graph permissions that matter most.
 */
export const MICROSOFT_GRAPH_APP_ROLES: Readonly<Record<string, string>> = {
  "19dbc75e-c2e2-444c-a770-ec69d8559fc7": "Directory.ReadWrite.All",
  "7ab1d382-f21e-4acd-a863-ba3e13f7da61": "Directory.Read.All",
  "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9": "Application.ReadWrite.All",
  "18a4783c-866b-4cc7-a460-3d5e5662c884": "Application.ReadWrite.OwnedBy",
  "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30": "Application.Read.All",
  "06b708a9-e830-4db3-a914-8e69da51d44f": "AppRoleAssignment.ReadWrite.All",
  "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8": "RoleManagement.ReadWrite.Directory",
  "483bed4a-2ad3-4361-a73b-c83ccdbdc53c": "RoleManagement.Read.Directory",
  "df021288-bdef-4463-88db-98f22de89214": "User.Read.All",
  "741f803b-c850-494e-b5df-cde7c675a1ca": "User.ReadWrite.All",
  "5b567255-7703-4780-807c-7be8301ae99b": "Group.Read.All",
  "62a82d76-70ea-41e2-9197-370581804d09": "Group.ReadWrite.All",
  "810c84a8-4a9e-49e6-bf7d-12d183f40d01": "Mail.Read",
  "b633e1c5-b582-4048-a93e-9f11b44c7e96": "Mail.Send",
  "a82116e5-55eb-4c41-a434-62fe8a61c773": "Sites.FullControl.All",
  "498476ce-e0fe-48b0-b801-37ba7e2685c6": "Organization.Read.All",
};
