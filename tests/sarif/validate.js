// Validates SARIF files against the SARIF 2.1.0 JSON schema (draft-07) with Ajv, formats
// (uri, uri-reference, date-time, ...) checked by ajv-formats. Usage:
//   node validate.js SCHEMA FILE...
// Prints "valid: FILE" or the schema errors; exits 1 if any file is invalid, 2 on misuse.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require(path.join(__dirname, "node_modules", "ajv"));
const addFormats = require(path.join(__dirname, "node_modules", "ajv-formats"));

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
	console.error("usage: node validate.js SCHEMA FILE...");
	process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// strict, except strictRequired: the OASIS schema lists "required" properties inside anyOf
// branches that define them only in the parent, which that authoring check rejects
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const f of files) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(f, "utf8"));
	} catch (e) {
		console.log(`invalid: ${f}: not JSON: ${e.message}`);
		bad++;
		continue;
	}
	if (validate(doc)) {
		console.log(`valid: ${f}`);
	} else {
		bad++;
		console.log(`invalid: ${f}`);
		for (const e of validate.errors.slice(0, 20))
			console.log(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
	}
}
process.exit(bad ? 1 : 0);
