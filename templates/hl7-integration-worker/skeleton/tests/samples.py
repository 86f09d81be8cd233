"""Synthetic HL7v2 messages. The people in them do not exist."""

ADT_A01 = "\r".join(
    [
        "MSH|^~\\&|ADMIT|GENHOSP|CAREPATH|CAREPATH|20260301093000+0100||ADT^A01^ADT_A01|MSG00001|P|2.5",
        "EVN|A01|20260301093000+0100",
        "PID|1||123456^^^GENHOSP&2.16.840.1.113883.19.5&ISO^MR~999-12-3456^^^SSA^SS||Rivera^Alma^J^^Dr.^^L||19610412|F|||12 Harbour Rd^Apt 3^Springfield^IL^62704^USA||^PRN^PH^^^217^5550147",
        "PV1|1|I|WARD3^312^B||||1234^Hart^Imogen|||MED||||7|||1234^Hart^Imogen|IN|V0001234|||||||||||||||||||||||||20260301092500",
    ]
)

ADT_A08 = "\r".join(
    [
        "MSH|^~\\&|ADMIT|GENHOSP|CAREPATH|CAREPATH|20260303120000||ADT^A08|MSG00002|P|2.5",
        "EVN|A08|20260303120000",
        "PID|1||123456^^^GENHOSP&2.16.840.1.113883.19.5&ISO^MR||Rivera^Alma^J||19610412|F",
        "PV1|1|I|WARD3^312^B|||||||||||||||IN|V0001234|||||||||||||||||||||||||20260301092500|20260303113000",
    ]
)

ORU_R01 = "\r".join(
    [
        "MSH|^~\\&|LAB|GENHOSP|CAREPATH|CAREPATH|20260302081500||ORU^R01^ORU_R01|MSG00003|P|2.5.1",
        "PID|1||123456^^^GENHOSP&2.16.840.1.113883.19.5&ISO^MR||Rivera^Alma||19610412|F",
        "OBR|1|ORD777|FIL888|24323-8^Comprehensive metabolic panel^LN|||20260302070000",
        "OBX|1|NM|2345-7^Glucose^LN||6.3|mmol/L^millimole per liter^UCUM|3.9-5.5|H|||F|||20260302074500",
        "OBX|2|ST|8251-1^Service comment^LN||Sample slightly haemolysed \\T\\ re-drawn\\.br\\see note||||||F",
        "OBX|3|CWE|5778-6^Color of Urine^LN||YEL^Yellow^L||||||P",
    ]
)
