//! serde's `rename_all` rules, applied to field names exactly as `serde_derive` applies them.

/// A `rename_all` rule, named as in serde.
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenameRule {
    LowerCase,
    UpperCase,
    PascalCase,
    CamelCase,
    SnakeCase,
    ScreamingSnakeCase,
    KebabCase,
    ScreamingKebabCase,
}

/// The names serde accepts, in serde's order.
const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::LowerCase),
    ("UPPERCASE", RenameRule::UpperCase),
    ("PascalCase", RenameRule::PascalCase),
    ("camelCase", RenameRule::CamelCase),
    ("snake_case", RenameRule::SnakeCase),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnakeCase),
    ("kebab-case", RenameRule::KebabCase),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebabCase),
];

impl RenameRule {
    /// The rule called `name`, matched exactly as serde does.
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        RULES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, rule)| *rule)
    }

    /// The JSON name of a field called `field` under this rule.
    ///
    /// Field names are `snake_case` by convention, so `lowercase` and `snake_case` leave them alone, as in
    /// serde. Unlike serde's camelCase, a field whose first character is not ASCII does not panic: its
    /// first character is kept, which is also what serde's `to_ascii_lowercase` would leave.
    pub(crate) fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::LowerCase | RenameRule::SnakeCase => field.to_owned(),
            RenameRule::UpperCase | RenameRule::ScreamingSnakeCase => field.to_ascii_uppercase(),
            RenameRule::PascalCase => {
                let mut pascal = String::with_capacity(field.len());
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::CamelCase => {
                let pascal = RenameRule::PascalCase.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::KebabCase => field.replace('_', "-"),
            RenameRule::ScreamingKebabCase => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::{self, *};

    #[test]
    fn every_rule_on_every_kind_of_field() {
        // (rule, field, expected), checked against serde_derive's `apply_to_field`.
        let table: &[(RenameRule, &str, &str)] = &[
            (LowerCase, "full_name", "full_name"),
            (UpperCase, "full_name", "FULL_NAME"),
            (PascalCase, "full_name", "FullName"),
            (CamelCase, "full_name", "fullName"),
            (SnakeCase, "full_name", "full_name"),
            (ScreamingSnakeCase, "full_name", "FULL_NAME"),
            (KebabCase, "full_name", "full-name"),
            (ScreamingKebabCase, "full_name", "FULL-NAME"),
            (CamelCase, "sub", "sub"),
            (PascalCase, "sub", "Sub"),
            (UpperCase, "sub", "SUB"),
            (CamelCase, "_private", "private"),
            (PascalCase, "a__b", "AB"),
            (CamelCase, "user_id_2", "userId2"),
            (KebabCase, "a_b_c", "a-b-c"),
            (CamelCase, "org_id", "orgId"),
            (LowerCase, "Mixed_Case", "Mixed_Case"),
            (CamelCase, "über_name", "überName"),
            (UpperCase, "über", "üBER"),
        ];
        for &(rule, field, expected) in table {
            assert_eq!(rule.apply_to_field(field), expected, "{rule:?} {field}");
        }
    }

    #[test]
    fn names_are_exact() {
        assert_eq!(RenameRule::from_name("camelCase"), Some(CamelCase));
        assert_eq!(
            RenameRule::from_name("SCREAMING-KEBAB-CASE"),
            Some(ScreamingKebabCase)
        );
        assert_eq!(RenameRule::from_name("camelcase"), None);
        assert_eq!(RenameRule::from_name(""), None);
    }
}
